using System.ComponentModel.DataAnnotations;

namespace Shop.Web.Components.Pages.Account;

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as ada@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "A name has at most 100 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 8, ErrorMessage = "A password has at least 8 characters.")]
    public string Password { get; set; } = "";
}
