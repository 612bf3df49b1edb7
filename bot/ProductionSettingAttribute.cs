namespace TeamsPolicyBot;

/// <summary>
/// Marks an options property that has no usable default in Azure: <c>infra/main.bicep</c> must give the web app
/// a setting for it (<c>Section__Property</c>), and a test fails when the two drift apart. Where two settings are
/// alternatives (a managed identity or a client secret), both are marked and the Bicep sets one per branch.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProductionSettingAttribute : Attribute;
