// buf (npm, pinned in .config/package.json): lint and breaking-change check of protos/, on descriptor
// images (build/proto-images.cake).

void CheckProtos(string against)
{
    var buf = root.CombineWithFilePath(".config/node_modules/.bin/buf");
    if (!FileExists(buf))
    {
        Execute("npm", new ProcessSettings { Arguments = "ci --prefix .config --no-audit --no-fund --loglevel=error", WorkingDirectory = root },
            "npm ci --prefix .config failed: buf comes from the npm registry (.config/package.json)");
    }
    var images = shopDir.Combine("proto-check");
    EnsureDirectoryExists(images);
    CleanDirectory(images);
    var current = images.CombineWithFilePath("current.binpb");
    BuildProtoImage(root.Combine("protos"), current);
    if (StartProcess(buf, new ProcessSettings { Arguments = $"lint \"{current}\" --config protos/buf.yaml --path shop", WorkingDirectory = root }) != 0)
    {
        throw new CakeException("buf lint found problems in protos/ (listed above).");
    }
    if (StartProcess("git", new ProcessSettings { Arguments = $"rev-parse --verify --quiet {against}", WorkingDirectory = root, RedirectStandardOutput = true }) != 0)
    {
        Warning("No git ref '{0}': breaking-change check skipped (pass --proto-base=<ref>).", against);
        return;
    }
    var archive = images.CombineWithFilePath("base.tar");
    if (StartProcess("git", new ProcessSettings { Arguments = $"archive --format=tar -o \"{archive}\" {against} protos", WorkingDirectory = root }) != 0
        || StartProcess("tar", new ProcessSettings { Arguments = $"-xf \"{archive}\" -C \"{images}\"" }) != 0)
    {
        throw new CakeException($"Could not take protos/ from {against}.");
    }
    var baseImage = images.CombineWithFilePath("base.binpb");
    BuildProtoImage(images.Combine("protos"), baseImage);
    var breaking = $"breaking \"{current}\" --against \"{baseImage}\" --config protos/buf.yaml --against-config \"{images}/protos/buf.yaml\" --path shop";
    if (StartProcess(buf, new ProcessSettings { Arguments = breaking, WorkingDirectory = root }) != 0)
    {
        throw new CakeException($"buf breaking: protos/ breaks compatibility with {against} (listed above). Add a new field, RPC or package version instead.");
    }
}
