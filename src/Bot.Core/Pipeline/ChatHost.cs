using System.Threading.Channels;
using CodeCube.Core.Chat;
using CodeCube.Core.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// Runs the chat side. Each registered <see cref="IChatAdapter"/> gets its own lane: a pump reading its events into
/// its own bounded channel (a full channel makes only that pump wait: back-pressure, never dropped events) and its
/// own Workers workers, so a slow IRC link or a flood on one platform never stalls another. Each event is handled by
/// a <see cref="ChatPipeline"/> from a fresh scope, with a token linked to shutdown and EventTimeout.
/// Events of one message stay in order without a worker ever waiting for another: while a message has an event in
/// flight, later ones are parked on it (<see cref="MessageOrder"/>) and the worker that finishes the first takes
/// the next; parked edits collapse into the latest, and a delete drops the edits before it.
/// On shutdown the pumps stop, and events already queued or running get DrainTimeout to finish.
/// </summary>
public sealed class ChatHost(
    IEnumerable<IChatAdapter> adapters,
    IServiceScopeFactory scopes,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ChatMetrics metrics,
    ILogger<ChatHost> logger) : BackgroundService
{
    /// <summary>Wait before reading again from an adapter whose event stream threw.</summary>
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    private readonly MessageOrder _order = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var lanes = adapters.ToList();
        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = stoppingToken.Register(() =>
        {
            logger.Draining(o.DrainTimeout);
            drain.CancelAfter(o.DrainTimeout);
        });

        logger.HostStarted(lanes.Count, o.Workers);
        await Task.WhenAll(lanes.Select(a => RunLaneAsync(a, stoppingToken, drain.Token))).ConfigureAwait(false);
        logger.HostStopped();
    }

    private async Task RunLaneAsync(IChatAdapter adapter, CancellationToken stoppingToken, CancellationToken drain)
    {
        var o = options.Value;
        var queue = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(o.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = o.Workers == 1,
        });
        var workers = Enumerable.Range(0, o.Workers).Select(_ => WorkAsync(adapter, queue.Reader, drain)).ToArray();
        await Task.Run(() => PumpAsync(adapter, queue.Writer, stoppingToken), CancellationToken.None).ConfigureAwait(false);
        queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task PumpAsync(IChatAdapter adapter, ChannelWriter<ChatEvent> writer, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Track(adapter, streaming: true);
                await foreach (var chatEvent in adapter.ReadEventsAsync(stoppingToken).WithCancellation(stoppingToken)
                    .ConfigureAwait(false))
                {
                    metrics.Received(adapter.Platform, chatEvent);
                    // Runs on the pump, so parking order is the order the platform reported the events in.
                    if (_order.TryStart(chatEvent))
                    {
                        await writer.WriteAsync(chatEvent, stoppingToken).ConfigureAwait(false);
                    }
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
                metrics.Track(adapter, streaming: false);
                logger.PumpFailed(ex, adapter.Platform, RestartDelay);
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

    private async Task WorkAsync(IChatAdapter adapter, ChannelReader<ChatEvent> reader, CancellationToken drain)
    {
        // Let ExecuteAsync go on to start the pumps before a worker does any work.
        await Task.Yield();
        try
        {
            await foreach (var first in reader.ReadAllAsync(drain).ConfigureAwait(false))
            {
                // Handle the event, then whatever was parked on its message meanwhile.
                for (ChatEvent? next = first; next is not null; next = _order.Finish(next))
                {
                    await HandleAsync(adapter, next, drain).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // The drain time is over: what is still queued is dropped.
        }
    }

    private async Task HandleAsync(IChatAdapter adapter, ChatEvent chatEvent, CancellationToken drain)
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
                logger.EventCancelled(adapter.Platform, chatEvent.GetType().Name);
            }
            catch (Exception ex)
            {
                logger.EventFailed(ex, adapter.Platform, chatEvent.GetType().Name);
            }
        }
    }
}
