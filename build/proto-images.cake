// Descriptor images of protos/ for buf. Our protos import buf/validate/validate.proto, which buf could only
// fetch from the buf registry (out of reach here), so buf reads images made by the protoc the C# build
// uses (Grpc.Tools) with the C# build's import path: validate.proto from the ProtoValidate NuGet package
// and the well-known types from Grpc.Tools. Nothing of theirs is copied into the repository.

// Writes the image of every proto under <protoRoot>/shop, with its imports, to <image>.
void BuildProtoImage(DirectoryPath protoRoot, FilePath image)
{
    var packages = NuGetPackagesFolder();
    string Package(string id) =>
        packages.Combine($"{id.ToLowerInvariant()}/{XmlPeek(root.CombineWithFilePath("Directory.Packages.props"), $"/Project/ItemGroup/PackageVersion[@Include='{id}']/@Version")}").FullPath;
    var grpcTools = Package("Grpc.Tools");
    var protoValidate = Package("ProtoValidate");
    var protoc = $"{grpcTools}/tools/linux_{(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64")}/protoc";
    var files = GetFiles($"{protoRoot.FullPath}/shop/**/*.proto").Select(f => protoRoot.GetRelativePath(f).FullPath);
    var arguments = $"-I \"{protoRoot.FullPath}\" -I \"{protoValidate}/content/proto\" -I \"{grpcTools}/build/native/include\" "
        + $"--include_imports --include_source_info -o \"{image.FullPath}\" {string.Join(" ", files)}";
    if (StartProcess(protoc, new ProcessSettings { Arguments = arguments, WorkingDirectory = protoRoot }) != 0)
    {
        throw new CakeException($"protoc could not compile the protos in {protoRoot} (listed above).");
    }
}

// Where restored NuGet packages live (NUGET_PACKAGES, or what dotnet says).
DirectoryPath NuGetPackagesFolder()
{
    if (EnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) return Directory(configured);
    StartProcess("dotnet", new ProcessSettings { Arguments = "nuget locals global-packages --list", RedirectStandardOutput = true }, out var lines);
    var line = lines.FirstOrDefault(l => l.StartsWith("global-packages:")) ?? throw new CakeException("dotnet nuget locals did not name the global packages folder.");
    return Directory(line["global-packages:".Length..].Trim());
}
