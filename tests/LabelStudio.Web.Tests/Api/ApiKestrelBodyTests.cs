using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// Bodies the server itself refuses (over its size limit, badly framed) on the real Kestrel server,
/// where the in-memory test server would not enforce them: the API still answers a problem, never a page.
/// </summary>
public sealed class ApiKestrelBodyTests : IAsyncLifetime
{
    private const int LimitBytes = 1024 * 1024;

    private readonly TempDirectory _data = new();
    private AppFactory _app = null!;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        _app = new AppFactory(
            _data.Path, AppFixture.AdminPassword, seedDemo: false,
            new Dictionary<string, string>
            {
                ["Storage:MaxUploadBytes"] = LimitBytes.ToString(),
                // As deployed: Development's error page would answer a problem that production does not.
                ["environment"] = "Production",
            });
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var lead = await ApiFixture.UserAsync(_app, ApiFixture.Lead);
        _secret = (await ApiFixture.TokenAsync(_app, lead)).Secret;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task AChunkedImportOverTheLimitIsRefusedWithAProblemAndLeavesNoFile()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _secret);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(client);
        using var body = new StreamContent(new RepeatingStream(3 * LimitBytes));
        body.Headers.ContentType = new("text/csv");

        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"/api/v1/projects/{projectId}/imports?fileName=huge.csv") { Content = body };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Import files are limited to 1 MB.", problem.GetProperty("detail").GetString());
        var uploads = Path.Combine(_data.Path, "uploads");
        Assert.Empty(Directory.Exists(uploads) ? Directory.GetFiles(uploads) : []);
    }

    [Fact]
    public async Task ABadlyFramedChunkedBodyIsABadRequestProblem()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _secret);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(client);

        var (status, contentType, answer) = await SendRawAsync(
            $"POST /api/v1/projects/{projectId}/imports?fileName=bad.csv HTTP/1.1\r\n" +
            $"Host: localhost\r\nAuthorization: Bearer {_secret}\r\nContent-Type: text/csv\r\n" +
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            "5\r\nid,la\r\nzz-not-a-size\r\nbel\r\n0\r\n\r\n");

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType);
        Assert.Equal(400, JsonDocument.Parse(answer).RootElement.GetProperty("status").GetInt32());
    }

    private async Task<(int Status, string ContentType, string Body)> SendRawAsync(string request)
    {
        var port = _app.ClientOptions.BaseAddress.Port;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();

        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var status = int.Parse(head.Split(' ')[1]);
        var contentType = head.Split("\r\n")
            .FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "";
        var body = text[(head.Length + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }
        return (status, contentType, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var end = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..end], 16);
            if (size == 0)
            {
                return result.ToString();
            }
            result.Append(chunked, end + 2, size);
            at = end + 2 + size + 2;
        }
    }

    /// <summary>A CSV-looking stream made as it is read, so the client cannot send its length.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private static readonly byte[] Row = Encoding.ASCII.GetBytes("1,apple,150,red\n");
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Row[(_position + i) % Row.Length];
            }
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
