using System.Reflection;

namespace CodeCube.Host.Tests.Runs;

/// <summary>
/// Forwards every call to a real object and lets a test act on one result before the caller sees it: the way to
/// put a step between two Redis commands of the code under test, without a stand-in for the server.
/// </summary>
public class InterceptingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private Func<MethodInfo, object?[]?, object?, object?> _after = null!;

    public static T Wrap(T inner, Func<MethodInfo, object?[]?, object?, object?> after)
    {
        var proxy = Create<T, InterceptingProxy<T>>();
        var self = (InterceptingProxy<T>)(object)proxy;
        self._inner = inner;
        self._after = after;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        try
        {
            return _after(targetMethod, args, targetMethod.Invoke(_inner, args));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
