package dev.junction.quote;

/**
 * A provider that offers the model but could not serve this request, and why.
 *
 * @param provider provider id
 * @param vendorModel the vendor's name for the model
 * @param reason what is missing, such as "acedata does not document function tools for gemini-2.5-pro"
 */
public record Unservable(String provider, String vendorModel, String reason) {
}
