using System.Runtime.Versioning;

// The Bicep compiler these tests run is the linux-x64 build (Azure.Bicep.CommandLine.linux-x64), and the
// hooks are POSIX shell scripts: the tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]
