namespace PortalsProvider;

internal static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
