package gongkai.content;

/**
 * Site-level settings from {@code content/site.yaml}.
 *
 * @param title       site title
 * @param description one-sentence description
 * @param publisher   who publishes the site
 * @param licence     licence name for the data (e.g. CC BY 4.0)
 * @param licenceUrl  licence URL
 * @param baseUrl     absolute base URL of the published site, ending in /
 * @param reportUrl   where readers report an error (mailto: or http(s)), or null for no 报告错误 link
 */
public record SiteConfig(
        String title,
        String description,
        String publisher,
        String licence,
        String licenceUrl,
        String baseUrl,
        String reportUrl) {
    /** Settings without a 报告错误 address. */
    public SiteConfig(String title, String description, String publisher, String licence, String licenceUrl,
                      String baseUrl) {
        this(title, description, publisher, licence, licenceUrl, baseUrl, null);
    }
}
