using System.Threading.Channels;
using CodeCube.Core.Chat;
using CodeCube.Core.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// Runs the chat side: one pump per registered <see cref="IChatAdapter"/> reads its events into a bounded channel
/// (a full channel makes the pumps wait: back-pressure instead of dropped events), and Workers workers hand each
/// event to a <see cref="ChatPipeline"/> from a fresh scope, with a token linked to shutdown and EventTimeout.
/// On shutdown the pumps stop, and events already queued or running get DrainTimeout to finish.
/// </summary>
public sealed class ChatHost(
    IEnumerable<IChatAdapter> adapters,
    IServiceScopeFactory scopes,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<ChatHost> logger) : BackgroundService
{
    /// <summary>Wait before reading again from an adapter whose event stream threw.</summary>
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var pumps = adapters.ToList();
        var queue = Channel.CreateBounded<(IChatAdapter Adapter, ChatEvent Event)>(
            new BoundedChannelOptions(o.EventQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = o.Workers == 1,
            });

        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = stoppingToken.Register(() =>
        {
            Log.Draining(logger, o.DrainTimeout);
            drain.CancelAfter(o.DrainTimeout);
        });

        Log.HostStarted(logger, pumps.Count, o.Workers);
        var workers = Enumerable.Range(0, o.Workers).Select(_ => WorkAsync(queue.Reader, drain.Token)).ToArray();
        await Task.WhenAll(pumps.Select(a => Task.Run(() => PumpAsync(a, queue.Writer, stoppingToken), CancellationToken.None)))
            .ConfigureAwait(false);
        queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        Log.HostStopped(logger);
    }

    private async Task PumpAsync(
        IChatAdapter adapter, ChannelWriter<(IChatAdapter, ChatEvent)> writer, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var chatEvent in adapter.ReadEventsAsync(stoppingToken).WithCancellation(stoppingToken)
                    .ConfigureAwait(false))
                {
                    await writer.WriteAsync((adapter, chatEvent), stoppingToken).ConfigureAwait(false);
                }

                // The contract says a stream runs until cancelled; one that ends has nothing more to say.
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PumpFailed(logger, ex, adapter.Platform, RestartDelay);
            }

            try
            {
                await Task.Delay(RestartDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WorkAsync(ChannelReader<(IChatAdapter Adapter, ChatEvent Event)> reader, CancellationToken drain)
    {
        // Let ExecuteAsync go on to start the pumps before a worker does any work.
        await Task.Yield();
        try
        {
            await foreach (var (adapter, chatEvent) in reader.ReadAllAsync(drain).ConfigureAwait(false))
            {
                using var timeout = new CancellationTokenSource(options.Value.EventTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(drain, timeout.Token);
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        var pipeline = scope.ServiceProvider.GetRequiredService<ChatPipeline>();
                        await pipeline.HandleAsync(adapter, chatEvent, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (linked.IsCancellationRequested)
                    {
                        Log.EventCancelled(logger, adapter.Platform, chatEvent.GetType().Name);
                    }
                    catch (Exception ex)
                    {
                        Log.EventFailed(logger, ex, adapter.Platform, chatEvent.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // The drain time is over: what is still queued is dropped.
        }
    }
}
