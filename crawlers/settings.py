"""Scrapy settings, in one place: the polite live defaults and the per-source/mirror adjustments.

`build_settings(config, mirror=...)` returns the settings dict of one source's crawl. The mirror
profile only shortens waits (timeouts, delays, retries): the local mirror answers in
milliseconds, so a 30 s timeout would only slow the tests. Size caps stay the same.
"""

from __future__ import annotations

from crawlers.registry import SourceConfig

BROWSER_UA = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/126.0.0.0 Safari/537.36")
CRAWLER_UA = "futurewatch/0.1 (+https://github.com/futurewatch; news and policy archive)"
PAGE_MAX_BYTES = 8 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

BASE_SETTINGS = {
    "BOT_NAME": "futurewatch",
    "SPIDER_MODULES": ["crawlers.spiders"],
    "ROBOTSTXT_OBEY": True,
    "USER_AGENT": CRAWLER_UA,
    "COOKIES_ENABLED": False,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    "DOWNLOAD_DELAY": 1.0,
    "DOWNLOAD_DELAY_JITTER": 0.5,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 2.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": PAGE_MAX_BYTES,
    "DOWNLOAD_WARNSIZE": PAGE_MAX_BYTES // 2,
    "DOWNLOAD_FAIL_ON_DATALOSS": True,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 2,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408],
    "REDIRECT_MAX_TIMES": 5,
    "DEFAULT_REQUEST_HEADERS": {
        "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
        "Accept-Language": "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.5",
    },
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,  # RedirectGuard says why
        "crawlers.middlewares.RedirectGuardMiddleware": 60,
    },
    "ITEM_PIPELINES": {
        "crawlers.pipelines.blocked.BlockedPagePipeline": 100,
        "crawlers.pipelines.rawstore.RawStorePipeline": 200,
        "crawlers.pipelines.postgres.PostgresPipeline": 300,
    },
    "EXTENSIONS": {
        "crawlers.extensions.RunRecorder": 500,
        "crawlers.extensions.ProgressReporter": 510,
        "scrapy.extensions.telnet.TelnetConsole": None,
    },
    "LOG_LEVEL": "INFO",
    # a proxy resolves names itself and would bypass the resolved-address guard: connect directly,
    # whatever http_proxy/https_proxy say
    "HTTPPROXY_ENABLED": False,
    # every connection's resolved address is checked (crawlers/resolver.py)
    "TWISTED_DNS_RESOLVER": "crawlers.resolver.GuardedResolver",
}

MIRROR_SETTINGS = {
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_START_DELAY": 0.0,
    "AUTOTHROTTLE_MAX_DELAY": 1.0,
    "DOWNLOAD_TIMEOUT": 3,
    "RETRY_TIMES": 1,
}


def build_settings(config: SourceConfig, *, mirror: str | None = None) -> dict:
    """The Scrapy settings for crawling one source (on the mirror when `mirror` is its base URL)."""
    settings = {k: (dict(v) if isinstance(v, dict) else v) for k, v in BASE_SETTINGS.items()}
    settings["ROBOTSTXT_OBEY"] = config.robots.obey
    settings["DOWNLOAD_DELAY"] = config.politeness.download_delay
    settings["CONCURRENT_REQUESTS_PER_DOMAIN"] = config.politeness.concurrency_per_domain
    if config.needs_browser_ua:
        settings["USER_AGENT"] = BROWSER_UA
        settings["COOKIES_ENABLED"] = True
    if mirror:
        settings.update(MIRROR_SETTINGS)
        settings["FW_MIRROR"] = mirror.rstrip("/")
        handler = "crawlers.handlers.MirrorDownloadHandler"
        settings["DOWNLOAD_HANDLERS"] = {"http": handler, "https": handler}
    settings["FW_ALLOWED_DOMAINS"] = list(config.allowed_domains)
    settings["FW_ATTACHMENT_MAX_BYTES"] = ATTACHMENT_MAX_BYTES
    return settings
