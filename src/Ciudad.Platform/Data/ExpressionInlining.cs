using System.Linq.Expressions;
using System.Reflection;

namespace Ciudad.Platform.Data;

/// <summary>
/// Write a piece of a LINQ query once (a projection, a join, a filter) and use it inside other
/// queries, including EF's compiled queries, which need the whole tree inline. In the outer
/// expression, <c>piece.Invoke&lt;T&gt;(a, b)</c> marks where the piece goes; <see cref="Expand"/>
/// replaces each mark with the piece's body, its parameters bound to the arguments given.
/// </summary>
public static class ExpressionInlining
{
    /// <summary>A mark for <see cref="Expand"/>; it never runs.</summary>
    public static TResult Invoke<TResult>(this LambdaExpression piece, params object?[] arguments) =>
        throw new InvalidOperationException($"{nameof(ExpressionInlining)}.{nameof(Invoke)} runs only inside an expression given to {nameof(Expand)}.");

    /// <summary>The expression with every <see cref="Invoke"/> mark replaced by its piece's body (nested marks too).</summary>
    public static TExpression Expand<TExpression>(TExpression expression)
        where TExpression : Expression =>
        (TExpression)new Expander().Visit(expression);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(ExpressionInlining) || node.Method.Name != nameof(Invoke))
            {
                return base.VisitMethodCall(node);
            }
            var piece = (LambdaExpression)Evaluate(node.Arguments[0]);
            var arguments = ((NewArrayExpression)node.Arguments[1]).Expressions;
            if (arguments.Count != piece.Parameters.Count)
            {
                throw new InvalidOperationException($"The piece takes {piece.Parameters.Count} arguments; {arguments.Count} were given.");
            }
            var bindings = new Dictionary<ParameterExpression, Expression>();
            for (var i = 0; i < arguments.Count; i++)
            {
                var parameter = piece.Parameters[i];
                var argument = Visit(Unbox(arguments[i]));
                bindings[parameter] = argument.Type == parameter.Type ? argument : Expression.Convert(argument, parameter.Type);
            }
            var body = new Rebind(bindings).Visit(piece.Body);
            // The piece may hold marks of its own.
            return Visit(body.Type == node.Type ? body : Expression.Convert(body, node.Type));
        }

        // The params array boxes value types (and may cast references) to object: take the argument as written.
        private static Expression Unbox(Expression argument) =>
            argument is UnaryExpression { NodeType: ExpressionType.Convert } convert && argument.Type == typeof(object) ? convert.Operand : argument;

        private static object Evaluate(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value!,
            MemberExpression { Member: FieldInfo field, Expression: null } => field.GetValue(null)!,
            _ => Expression.Lambda<Func<object>>(Expression.Convert(expression, typeof(object))).Compile()(),
        };
    }

    private sealed class Rebind(Dictionary<ParameterExpression, Expression> bindings) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            bindings.TryGetValue(node, out var bound) ? bound : node;
    }
}
