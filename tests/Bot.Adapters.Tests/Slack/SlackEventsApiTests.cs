using System.Globalization;
using System.Security.Cryptography;
using CodeCube.Adapters.Slack;

namespace CodeCube.Adapters.Tests.Slack;

public sealed class SlackEventsApiTests
{
    private const string Secret = "test-signing-secret";

    private static (SlackSignatureVerifier Verifier, JsonElement Vector) OfficialVector(TimeSpan offset)
    {
        var vector = SlackFixtures.Element("signature-v0-test-vector.json");
        var timestamp = long.Parse(vector.GetProperty("X-Slack-Request-Timestamp").GetString()!, CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(timestamp) + offset);
        return (new SlackSignatureVerifier(vector.GetProperty("signing_secret").GetString()!, time), vector);
    }

    private static SlackSignatureResult VerifyVector(TimeSpan offset, Func<string, string>? tamper = null)
    {
        var (verifier, vector) = OfficialVector(offset);
        var body = vector.GetProperty("body").GetString()!;
        return verifier.Verify(Encoding.UTF8.GetBytes(tamper?.Invoke(body) ?? body),
            vector.GetProperty("X-Slack-Request-Timestamp").GetString(), vector.GetProperty("X-Slack-Signature").GetString());
    }

    [Fact]
    public void Official_test_vector_verifies() =>
        Assert.Equal(SlackSignatureResult.Valid, VerifyVector(TimeSpan.FromSeconds(299)));

    [Fact]
    public void Timestamp_more_than_five_minutes_old_is_rejected() =>
        Assert.Equal(SlackSignatureResult.StaleTimestamp, VerifyVector(TimeSpan.FromSeconds(301)));

    [Fact]
    public void Timestamp_more_than_five_minutes_ahead_is_rejected() =>
        Assert.Equal(SlackSignatureResult.StaleTimestamp, VerifyVector(TimeSpan.FromSeconds(-301)));

    [Fact]
    public void Tampered_body_is_rejected() =>
        Assert.Equal(SlackSignatureResult.BadSignature,
            VerifyVector(TimeSpan.Zero, body => body.Replace("user_name=roadrunner", "user_name=coyote", StringComparison.Ordinal)));

    [Fact]
    public void Missing_headers_are_rejected()
    {
        var (verifier, _) = OfficialVector(TimeSpan.Zero);
        Assert.Equal(SlackSignatureResult.MissingHeaders, verifier.Verify("{}"u8, null, "v0=00"));
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        await using var harness = await SlackHarness.StartAsync("EventsApi", Secret, pump: false);
        var answer = Post(harness, SlackFixtures.Text("events-url_verification-request.json"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal(SlackFixtures.Text("events-url_verification-response.json").Trim(), answer.Body);
    }

    [Fact]
    public async Task Unsigned_request_gets_401_and_queues_nothing()
    {
        await using var harness = await SlackHarness.StartAsync("EventsApi", Secret);
        var body = Encoding.UTF8.GetBytes(SlackFixtures.Text("events-callback-message.json"));
        var answer = harness.Receiver.Handle(body, name => name == "X-Slack-Request-Timestamp" ? Now(harness) : null);

        Assert.Equal(401, answer.StatusCode);
        await harness.AssertNoMoreEventsAsync();
    }

    [Fact]
    public async Task A_retried_event_id_is_handled_once()
    {
        await using var harness = await SlackHarness.StartAsync("EventsApi", Secret);
        var body = SlackFixtures.Text("events-callback-message.json");

        Assert.Equal(200, Post(harness, body).StatusCode);
        Assert.Equal(200, Post(harness, body, retryNum: "1").StatusCode);

        var created = Assert.IsType<MessageCreated>(await harness.NextEventAsync());
        Assert.Equal(new Conversation("slack", "C123ABC456", "1355517523.000005"), created.Message.Where);
        Assert.Equal("Hello world", created.Message.Text);
        Assert.Equal("U123ABC456", created.Message.Author.Id);
        await harness.AssertNoMoreEventsAsync();
    }

    [Fact]
    public async Task Threaded_message_keeps_its_thread_and_code_entities_are_decoded()
    {
        await using var harness = await SlackHarness.StartAsync("EventsApi", Secret);
        var payload = SlackFixtures.Json("events-callback-message.json");
        payload["event"]!["thread_ts"] = "1355517500.000001";
        payload["event"]!["text"] = "!run python\n```print(1 &lt; 2 &amp;&amp; 3 &gt; 2)```";

        Assert.Equal(200, Post(harness, payload.ToJsonString()).StatusCode);

        var message = Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message;
        Assert.Equal("1355517500.000001", message.Where.ThreadId);
        Assert.Equal("1355517523.000005", message.MessageId);
        Assert.Equal("!run python\n```print(1 < 2 && 3 > 2)```", message.Text);
    }

    [Fact]
    public async Task Message_changed_becomes_an_edit_with_the_new_text_and_message_deleted_a_delete()
    {
        await using var harness = await SlackHarness.StartAsync("EventsApi", Secret);
        var changed = SlackFixtures.Json("events-callback-message_changed.json");
        changed["event_id"] = "EvChanged";
        var deleted = SlackFixtures.Json("events-callback-message_deleted.json");
        deleted["event_id"] = "EvDeleted";

        Assert.Equal(200, Post(harness, changed.ToJsonString()).StatusCode);
        Assert.Equal(200, Post(harness, deleted.ToJsonString()).StatusCode);

        var edited = Assert.IsType<MessageEdited>(await harness.NextEventAsync()).Message;
        Assert.Equal(("1355517523.000005", "Hello, world!"), (edited.MessageId, edited.Text));
        var gone = Assert.IsType<MessageDeleted>(await harness.NextEventAsync());
        Assert.Equal(("C123ABC456", "1358878749.000002"), (gone.Where.ChannelId, gone.MessageId));
    }

    [Fact]
    public async Task Events_endpoint_is_closed_in_socket_mode()
    {
        await using var harness = await SlackHarness.StartAsync("SocketMode", Secret, pump: false);
        Assert.Equal(404, Post(harness, SlackFixtures.Text("events-url_verification-request.json")).StatusCode);
    }

    private static string Now(SlackHarness harness) =>
        harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static SlackHttpResponse Post(SlackHarness harness, string body, string? retryNum = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Now(harness);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(bytes).ToArray());
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = "v0=" + Convert.ToHexStringLower(mac),
        };
        if (retryNum is not null)
        {
            headers["X-Slack-Retry-Num"] = retryNum;
            headers["X-Slack-Retry-Reason"] = "http_timeout";
        }

        return harness.Receiver.Handle(bytes, name => headers.GetValueOrDefault(name));
    }
}
