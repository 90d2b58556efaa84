"""Checks every feed file named on the command line and prints one line per feed:
`ok PATH ENTRIES FORMAT` or `bad PATH REASON`. Atom goes through feedparser; JSON Feed,
which released feedparser (6.0) does not read, through the rules of JSON Feed 1.1, unless
the installed feedparser reads it. Exit 3 when feedparser is missing."""
import datetime
import json
import sys

try:
    import feedparser
except ImportError:
    sys.exit(3)

try:
    import feedparser.parsers.json  # noqa: F401  (feedparser 6.1+)
    FEEDPARSER_JSON = True
except ImportError:
    FEEDPARSER_JSON = False


def date(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def json_feed(path, data):
    """The JSON Feed 1.1 rules a reader relies on: version, title, items with a string id,
    content, and RFC 3339 dates; absolute URLs."""
    d = json.loads(data)
    if d.get("version") != "https://jsonfeed.org/version/1.1":
        return f"bad {path} version {d.get('version')!r}"
    if not isinstance(d.get("title"), str) or not isinstance(d.get("items"), list):
        return f"bad {path} no title or items"
    for key in ("home_page_url", "feed_url"):
        if key in d and "://" not in d[key]:
            return f"bad {path} {key} not absolute"
    for item in d["items"]:
        if not isinstance(item.get("id"), str) or not item.get("url"):
            return f"bad {path} item without id or url"
        if not ("content_html" in item or "content_text" in item):
            return f"bad {path} item without content"
        try:
            date(item["date_published"])
            date(item["date_modified"])
        except (KeyError, ValueError) as e:
            return f"bad {path} item date {e!r}"
    return f"ok {path} {len(d['items'])} json11"


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".json") and not FEEDPARSER_JSON:
        print(json_feed(path, data))
        continue
    # As a server would send them: feedparser reads JSON Feed by its content type.
    kind = "application/feed+json" if path.endswith(".json") else "application/atom+xml"
    d = feedparser.parse(data, response_headers={"content-type": kind})
    if d.bozo:
        print(f"bad {path} {d.bozo_exception!r}")
    elif not d.feed.get("title"):
        print(f"bad {path} no title")
    elif any(not (e.get("title") and e.get("link") and e.get("published")) for e in d.entries):
        print(f"bad {path} an entry lacks a title, link or date")
    else:
        print(f"ok {path} {len(d.entries)} {d.version}")
