using System.Diagnostics.Metrics;
using CodeCube.Core.Commands;
using CodeCube.Core.Options;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Quotas;
using CodeCube.Core.Replies;
using CodeCube.Core.Running;
using Microsoft.Extensions.DependencyInjection;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CodeCube.Core.Tests.Pipeline;

/// <summary>A real pipeline and run service over in-memory fakes of the sandbox, stores and chat platform.</summary>
internal sealed class PipelineHarness : CoreFakes, IDisposable
{
    private readonly ServiceProvider _metricServices = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public const string Base = "https://cc.example";

    public PipelineHarness(ChatCapabilities? capabilities = null, PipelineOptions? options = null, QuotaOptions? quotas = null)
    {
        Adapter = new FakeChatAdapter(capabilities ?? FakeChatAdapter.Discord);
        var pipelineOptions = MsOptions.Create(options ?? new PipelineOptions());
        var limits = MsOptions.Create(new InputLimitsOptions());
        var languages = new FakeLanguages();
        var permalinks = new Permalinks(MsOptions.Create(new PermalinkOptions { PublicBaseUrl = Base }));
        Gate = new RunGate(pipelineOptions);
        Moderation = new InMemoryModeration(Store);
        var meters = _metricServices.GetRequiredService<IMeterFactory>();
        var runs = new RunService(Sandbox, languages, Store, new InMemoryResultCache(), permalinks, Time,
            new RunMetrics(meters), new SinkLogger<RunService>(Log));
        Pipeline = new ChatPipeline(
            new CommandParser(languages, permalinks, pipelineOptions, limits),
            new ReplyFormatter(),
            new RunQuotas(MsOptions.Create(quotas ?? new QuotaOptions { UserBurst = 1000, ChannelBurst = 1000 }), Time),
            Gate, runs, Store, Replies, languages, Moderation, permalinks, pipelineOptions, limits, Time, new RunMetrics(meters),
            new ChatMetrics(meters), new SinkLogger<ChatPipeline>(Log));
    }

    public InMemoryModeration Moderation { get; }

    public FakeChatAdapter Adapter { get; }

    public RunGate Gate { get; }

    public ChatPipeline Pipeline { get; }

    public static Conversation Channel { get; } = new("discord", "c1");

    public static IncomingMessage Message(string text, string id = "m1", string user = "u1", bool bot = false, string? replied = null) =>
        new(Channel, id, new ChatUser(user, "Ann", bot), text, replied, DateTimeOffset.UnixEpoch);

    public Task Created(IncomingMessage message, CancellationToken ct = default) =>
        Pipeline.HandleAsync(Adapter, new MessageCreated(message), ct);

    public Task Edited(IncomingMessage message) => Pipeline.HandleAsync(Adapter, new MessageEdited(message), CancellationToken.None);

    public Task Deleted(string messageId) =>
        Pipeline.HandleAsync(Adapter, new MessageDeleted(Channel, messageId), CancellationToken.None);

    public OutgoingReply OnlySent() => Assert.Single(Adapter.Sent).Reply;

    public void Dispose()
    {
        Gate.Dispose();
        _metricServices.Dispose();
    }
}
