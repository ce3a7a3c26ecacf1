using Microsoft.AspNetCore.Identity;
using Shop.Users.Auth;
using Shop.Users.Data;

namespace Shop.Users;

internal static class UserServicesExtensions
{
    public static void AddUserServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserRepository>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton<SigningKeySource>();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        builder.Services.AddOptions<PasswordHasherOptions>().Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>(
            (hasher, auth) => hasher.IterationCount = auth.Value.PasswordHashIterations);
        builder.Services.AddSingleton<Accounts>();
    }
}
