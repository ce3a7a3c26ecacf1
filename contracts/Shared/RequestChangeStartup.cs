using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Shop.Contracts.Testing;

/// <summary>Puts <see cref="ProviderChange.Rewrite"/> first in the host's pipeline, ahead of authentication.</summary>
internal sealed class RequestChangeStartup(ProviderChange change) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            change.Rewrite(context.Request.Headers);
            return then(context);
        });
        next(app);
    };
}
