using System.Security.Cryptography;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>What a program can see and touch: no network, no host, no disk beyond a small /tmp, nothing kept.</summary>
public sealed class IsolationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static void Is(RunOutcome expected, RunResult result) =>
        Assert.True(result.Outcome == expected, LanguageContractTests.Describe(result));

    [Fact]
    public async Task Filling_tmp_stops_at_its_size_cap_and_nothing_else_is_writable()
    {
        const string code = """
            import os
            total = 0
            block = b'z' * (1024 * 1024)
            for n in range(200):
                try:
                    with open(f'/tmp/fill{n}', 'wb') as f:
                        for _ in range(32):
                            f.write(block)
                            f.flush()
                            total += len(block)
                except OSError as e:
                    if e.errno == 28:  # ENOSPC: the tmpfs is full
                        break
            print('tmp', total // (1024 * 1024))
            for place in ['/', '/root', '/home', '/var/tmp', '/dev/shm', '/run', '/usr/local/bin', '/etc', '/dev']:
                try:
                    with open(os.path.join(place, 'x'), 'wb') as f:
                        f.write(b'x')
                    print('WROTE', place)
                except OSError as e:
                    print('denied', place)
            """;

        var result = await fixture.RunAsync("python", code);

        Is(RunOutcome.Completed, result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tmpMiB = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(tmpMiB, 1, 64);
        Assert.DoesNotContain(lines, l => l.StartsWith("WROTE", StringComparison.Ordinal));
        Assert.Equal(9, lines.Count(l => l.StartsWith("denied", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task One_file_cannot_grow_past_the_file_size_limit()
    {
        const string code = """
            written = 0
            try:
                with open('/tmp/big', 'wb') as f:
                    for _ in range(40):
                        f.write(b'y' * (1024 * 1024))
                        f.flush()
                        written += 1
            except OSError as e:
                print('stopped', e.errno)
            print(written)
            """;

        var result = await fixture.RunAsync("python", code);

        Is(RunOutcome.Completed, result);
        Assert.Equal("stopped 27\n16\n", result.Stdout);
    }

    [Fact]
    public async Task A_file_written_in_one_run_is_gone_in_the_next()
    {
        var name = "/tmp/left-" + Guid.NewGuid().ToString("N");
        var first = await fixture.RunAsync("python", $"open('{name}', 'w').write('x')\nprint('written')");
        var second = await fixture.RunAsync("python", $"import os\nprint(os.path.exists('{name}'))");

        Assert.Equal("written\n", first.Stdout);
        Assert.Equal("False\n", second.Stdout);
    }

    [Fact]
    public async Task There_is_no_network()
    {
        const string code = """
            import socket, os
            for host, port in [('1.1.1.1', 53), ('8.8.8.8', 443), ('172.17.0.1', 2375)]:
                s = socket.socket()
                s.settimeout(2)
                try:
                    s.connect((host, port))
                    print('CONNECTED', host)
                except OSError:
                    print('blocked', host)
            try:
                socket.getaddrinfo('example.com', 80)
                print('RESOLVED')
            except OSError:
                print('no dns')
            print(sorted(os.listdir('/sys/class/net')))
            """;

        var result = await fixture.RunAsync("python", code);

        Is(RunOutcome.Completed, result);
        Assert.Equal("blocked 1.1.1.1\nblocked 8.8.8.8\nblocked 172.17.0.1\nno dns\n['lo']\n", result.Stdout);
    }

    [Fact]
    public async Task The_host_environment_and_docker_socket_are_not_visible()
    {
        var secret = "codecube-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("CODECUBE_TEST_SECRET", secret);
        const string code = """
            import os
            print('\n'.join(f'{k}={v}' for k, v in os.environ.items()))
            for sock in ['/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock']:
                print(sock, os.path.exists(sock))
            print('uid', os.getuid(), 'gid', os.getgid())
            print('caps', [l.split()[1] for l in open('/proc/self/status') if l.startswith('CapEff')])
            """;

        var result = await fixture.RunAsync("python", code);

        Is(RunOutcome.Completed, result);
        Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CODECUBE_TEST_SECRET", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/var/run/docker.sock False\n/run/docker.sock False\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("uid 10001 gid 10001\ncaps ['0000000000000000']", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_and_binary_output_come_back_with_replacement_characters()
    {
        var result = await fixture.RunAsync("python", "import sys\nsys.stdout.buffer.write(b'ok ' + bytes(range(256)) + b' \\xff\\xfe end')");

        Is(RunOutcome.Completed, result);
        Assert.StartsWith("ok \0\u0001", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\uFFFD\uFFFD end", result.Stdout, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', result.Stdout);
    }

    [Fact]
    public async Task Ten_megabytes_of_stdin_arrive_intact()
    {
        var random = new Random(7);
        var stdin = new string(Enumerable.Range(0, 10 * 1024 * 1024 - 1).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray()) + "\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stdin)));

        var result = await fixture.RunAsync("python",
            "import sys, hashlib\ndata = sys.stdin.buffer.read()\nprint(len(data), hashlib.sha256(data).hexdigest())", stdin);

        Is(RunOutcome.Completed, result);
        Assert.Equal($"{10 * 1024 * 1024} {expected}\n", result.Stdout);
    }

    [Fact]
    public async Task A_program_that_ignores_its_stdin_still_finishes()
    {
        var result = await fixture.RunAsync("python", "print('ignored')", new string('s', 5 * 1024 * 1024));

        Is(RunOutcome.Completed, result);
        Assert.Equal("ignored\n", result.Stdout);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("bash")]
    public async Task An_empty_file_runs_and_prints_nothing(string language)
    {
        var result = await fixture.RunAsync(language, "");

        Is(RunOutcome.Completed, result);
        Assert.Equal((0, "", ""), (result.ExitCode!.Value, result.Stdout, result.Stderr));
    }

    [Fact]
    public async Task Arguments_reach_the_program_unchanged()
    {
        var result = await fixture.RunAsync("python", "import sys\nprint(sys.argv[1:])", "", "a b", "ü", "--x", "");

        Is(RunOutcome.Completed, result);
        Assert.Equal("['a b', 'ü', '--x', '']\n", result.Stdout);
    }

    [Fact]
    public async Task An_unknown_language_is_an_error_naming_close_matches()
    {
        var result = await fixture.RunAsync("pyhton", "print(1)");

        Is(RunOutcome.SandboxError, result);
        Assert.Contains("unknown language 'pyhton'", result.Detail, StringComparison.Ordinal);
        Assert.Contains("python", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_runs_in_parallel_each_get_their_own_output()
    {
        var runs = Enumerable.Range(0, 20)
            .Select(i => fixture.RunAsync("python", $"import sys\nprint({i} * 2, sys.stdin.read())", $"in{i}"))
            .ToList();

        var results = await Task.WhenAll(runs);

        for (var i = 0; i < results.Length; i++)
        {
            Is(RunOutcome.Completed, results[i]);
            Assert.Equal($"{i * 2} in{i}\n", results[i].Stdout);
        }
    }

    [Fact]
    public async Task Progress_reports_the_output_as_it_streams()
    {
        var chunks = new List<OutputChunk>();
        var progress = new SynchronousProgress(chunks);

        var result = await fixture.Sandbox.RunAsync(
            new RunRequest("python", "import sys\nprint('out')\nprint('err', file=sys.stderr)"), progress, CancellationToken.None);

        Is(RunOutcome.Completed, result);
        Assert.Equal("out\n", string.Concat(chunks.Where(c => c.Stream == OutputStream.Stdout).Select(c => c.Text)));
        Assert.Equal("err\n", string.Concat(chunks.Where(c => c.Stream == OutputStream.Stderr).Select(c => c.Text)));
    }

    private sealed class SynchronousProgress(List<OutputChunk> chunks) : IProgress<OutputChunk>
    {
        public void Report(OutputChunk value)
        {
            lock (chunks)
            {
                chunks.Add(value);
            }
        }
    }
}
