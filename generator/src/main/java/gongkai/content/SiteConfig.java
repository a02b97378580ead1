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
 */
public record SiteConfig(
        String title,
        String description,
        String publisher,
        String licence,
        String licenceUrl,
        String baseUrl) {
}
