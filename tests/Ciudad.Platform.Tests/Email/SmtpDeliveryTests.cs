using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Ciudad.Platform.Email;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ciudad.Platform.Tests.Email;

/// <summary>Delivery over real SMTP to a real SMTP server listening on loopback.</summary>
public sealed class SmtpDeliveryTests
{
    private sealed class CollectingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    [Fact]
    public async Task Smtp_transport_delivers_the_message_to_the_server()
    {
        var port = FreePort();
        var store = new CollectingStore();
        var serverOptions = new SmtpServerOptionsBuilder().ServerName("localhost").Port(port).Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(store);
        var server = new SmtpServer.SmtpServer(serverOptions, provider);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);

        var transport = new SmtpEmailTransport(Options.Create(new EmailOptions
        {
            Delivery = EmailDelivery.Smtp,
            SmtpHost = "127.0.0.1",
            SmtpPort = port,
            SmtpSecurity = "None",
        }));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("no-reply@ciudad.example"));
        message.To.Add(MailboxAddress.Parse("vecina@example.test"));
        message.Subject = "Confirme su cuenta";
        message.Body = new TextPart("plain") { Text = "Abra este enlace: https://ciudad.example/x" };
        await transport.SendAsync(message, CancellationToken.None);

        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        var received = Assert.Single(store.Received);
        Assert.Equal("Confirme su cuenta", received.Subject);
        Assert.Equal("vecina@example.test", received.To.Mailboxes.Single().Address);
        Assert.Contains("https://ciudad.example/x", received.TextBody, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
