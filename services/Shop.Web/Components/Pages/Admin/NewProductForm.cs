using System.ComponentModel.DataAnnotations;

namespace Shop.Web.Components.Pages.Admin;

public sealed class NewProductForm
{
    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    public string Name { get; set; } = "";

    [Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "A price is between 0.01 and 1000000.")]
    public decimal Price { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Stock is between 0 and 1000000.")]
    public int Stock { get; set; }

    [StringLength(100, ErrorMessage = "A category has at most 100 characters.")]
    public string Category { get; set; } = "";
}
