"""The mirror download handler: real URLs in, real URLs out, bytes from the offline mirror.

With FW_MIRROR set, a request for https://host/path is downloaded from MIRROR/host/path and
its response handed back under the real URL (Location headers too). Everything above the
downloader (robots.txt, cookies, redirects, per-domain slots, the spider) sees the real site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured

from crawlers.urls import from_mirror, to_mirror


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        self.mirror = crawler.settings.get("FW_MIRROR")
        if not self.mirror:
            raise NotConfigured("FW_MIRROR is not set")
        super().__init__(crawler)

    async def download_request(self, request):
        mirrored = request.replace(url=to_mirror(request.url, self.mirror))
        response = await super().download_request(mirrored)
        location = response.headers.get(b"Location")
        if location:
            back = from_mirror(location.decode("latin-1"), self.mirror, urlsplit(request.url).scheme)
            if back:
                response.headers[b"Location"] = back.encode("latin-1")
        return response.replace(url=request.url)
