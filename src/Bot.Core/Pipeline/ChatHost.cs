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
    ChatMetrics metrics,
    ILogger<ChatHost> logger) : BackgroundService
{
    /// <summary>Wait before reading again from an adapter whose event stream threw.</summary>
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    // Per message, the event handled last. Workers run in parallel, but an edit or delete must wait until the
    // message's earlier event is done: otherwise an edit during a run finds no reply yet and is lost.
    private readonly Dictionary<(string, string, string), Task> _tails = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var pumps = adapters.ToList();
        var queue = Channel.CreateBounded<Queued>(
            new BoundedChannelOptions(o.EventQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = o.Workers == 1,
            });

        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = stoppingToken.Register(() =>
        {
            logger.Draining(o.DrainTimeout);
            drain.CancelAfter(o.DrainTimeout);
        });

        logger.HostStarted(pumps.Count, o.Workers);
        var workers = Enumerable.Range(0, o.Workers).Select(_ => WorkAsync(queue.Reader, drain.Token)).ToArray();
        await Task.WhenAll(pumps.Select(a => Task.Run(() => PumpAsync(a, queue.Writer, stoppingToken), CancellationToken.None)))
            .ConfigureAwait(false);
        queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        logger.HostStopped();
    }

    private async Task PumpAsync(
        IChatAdapter adapter, ChannelWriter<Queued> writer, CancellationToken stoppingToken)
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
                    await writer.WriteAsync(Enqueue(adapter, chatEvent), stoppingToken).ConfigureAwait(false);
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

    // Runs on the adapter's pump, so the order of the chain is the order the platform reported the events in.
    private Queued Enqueue(IChatAdapter adapter, ChatEvent chatEvent)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = chatEvent switch
        {
            MessageCreated e => (e.Message.Where.Platform, e.Message.Where.ChannelId, e.Message.MessageId),
            MessageEdited e => (e.Message.Where.Platform, e.Message.Where.ChannelId, e.Message.MessageId),
            MessageDeleted e => (e.Where.Platform, e.Where.ChannelId, e.MessageId),
            _ => ((string, string, string)?)null,
        };
        if (key is not { } k)
        {
            done.SetResult();
            return new Queued(adapter, chatEvent, Task.CompletedTask, done, null);
        }

        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(k, Task.CompletedTask);
            _tails[k] = done.Task;
            return new Queued(adapter, chatEvent, previous, done, k);
        }
    }

    private void Finish(Queued item)
    {
        item.Done.TrySetResult();
        if (item.Key is { } k)
        {
            lock (_tails)
            {
                if (_tails.TryGetValue(k, out var tail) && tail == item.Done.Task)
                {
                    _tails.Remove(k);
                }
            }
        }
    }

    private sealed record Queued(
        IChatAdapter Adapter, ChatEvent Event, Task Previous, TaskCompletionSource Done, (string, string, string)? Key);

    private async Task WorkAsync(ChannelReader<Queued> reader, CancellationToken drain)
    {
        // Let ExecuteAsync go on to start the pumps before a worker does any work.
        await Task.Yield();
        try
        {
            await foreach (var item in reader.ReadAllAsync(drain).ConfigureAwait(false))
            {
                var (adapter, chatEvent) = (item.Adapter, item.Event);
                using var timeout = new CancellationTokenSource(options.Value.EventTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(drain, timeout.Token);
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        await item.Previous.WaitAsync(linked.Token).ConfigureAwait(false);
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
                    finally
                    {
                        Finish(item);
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
