<#-- robots.txt: everything may be crawled; the sitemap lists the pages. -->
User-agent: *
Allow: /

Sitemap: ${sitemapUrl}
