using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PortalsProvider.Tests.Buildkite;

/// <summary>A loopback server that reads each request and then resets the connection, after sending nothing or
/// only the start of a response: the request was delivered, the (whole) response is lost.</summary>
internal sealed class AbortingServer : IDisposable
{
    private readonly byte[] _partialResponse;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    /// <param name="partialResponse">Bytes sent before the reset, e.g. a status line and headers promising a longer body.</param>
    public AbortingServer(string partialResponse = "")
    {
        _partialResponse = Encoding.ASCII.GetBytes(partialResponse);
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            var buffer = new byte[64 * 1024];
            var received = new StringBuilder();
            try
            {
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                if (_partialResponse.Length > 0)
                {
                    // Read the whole request first (unread input would turn the close into a reset), send the start
                    // of a response, then end the connection cleanly: the body simply stops short.
                    var text = received.ToString();
                    var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
                    var length = ContentLength(text);
                    var have = text.Length - headerEnd;
                    while (have < length)
                    {
                        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (n == 0)
                        {
                            break;
                        }

                        have += n;
                    }

                    await socket.SendAsync(_partialResponse, SocketFlags.None, _stop.Token);
                    socket.Shutdown(SocketShutdown.Send);
                    socket.Close();
                    continue;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
            }

            // Linger 0: close with a TCP reset, as a crashing proxy would.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line["Content-Length:".Length..].Trim(), out var length))
            {
                return length;
            }
        }

        return 0;
    }
}
