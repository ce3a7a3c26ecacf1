using System.ComponentModel.DataAnnotations;

namespace Shop.Web.Components.Pages.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as ada@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
