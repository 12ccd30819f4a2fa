"""One module per source: its articles (seed texts) and list routes in the site's documented markup."""
