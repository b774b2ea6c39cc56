using System.Security.Cryptography;

namespace Ciudad.Platform.Tests.Files;

/// <summary>
/// A read-only, forward-only stream of <paramref name="length"/> pseudo-random bytes made on the fly
/// (xorshift from <paramref name="seed"/>), so a test can push hundreds of megabytes through a store
/// without holding them. It does not say its length, as a network upload would not.
/// </summary>
public sealed class GeneratedStream(long length, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private ulong _state = seed | 1;
    private long _position;

    public static async Task<string> Sha256Async(long length, ulong seed = 0x9E3779B97F4A7C15)
    {
        await using var stream = new GeneratedStream(length, seed);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = (byte)_state;
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
