"""Short reports written for the browser tests (run through the real pipeline)."""

from __future__ import annotations

REPORTS = [
    {
        "title": "Shelling in Kharkiv",
        "published": "2022-05-14",
        "outlet": "Test Wire",
        "text": (
            "Russian forces shelled residential districts of Kharkiv on Friday, killing three civilians, "
            "the regional governor said. Ukrainian officials said the strikes likely came from positions "
            "north of the city."
        ),
    },
    {
        "title": "Fighting near Izium",
        "published": "2022-04-20",
        "outlet": "Test Wire",
        "text": (
            "Ukrainian troops fought Russian units near Izium on Tuesday, the General Staff of Ukraine said "
            "in a statement. The ministry claimed that 40 Russian soldiers were killed in the clashes."
        ),
    },
    {
        "title": "Protest in Kherson",
        "published": "2022-03-06",
        "outlet": "Test Wire",
        "text": (
            "Thousands of residents protested against the occupation in Kherson on Saturday, "
            "according to local journalists. Russian soldiers fired into the air to disperse the crowd, "
            "witnesses said."
        ),
    },
    {  # one claim of the event is an act ("refused to confirm"), not something said: Claim.speech is False
        "title": "Shelling in Sumy",
        "published": "2022-05-10",
        "outlet": "Test Wire",
        "text": (
            "Russian artillery shelled the centre of Sumy on Sunday, killing two civilians, the regional "
            "governor said. The city council refused to confirm that the shelling of Sumy had killed two "
            "civilians."
        ),
    },
]

# Markup inside an article is text: the page must show it, never run it.
XSS_REPORT = {
    "title": "<img src=x onerror=\"window.__xss = 'title'\">Strike on Odesa",
    "published": "2022-05-09",
    "outlet": "<script>window.__xss = 'outlet'</script>",
    "text": (
        "Russian missiles struck a warehouse in Odesa on Monday, the city council said. "
        "<script>window.__xss = 'script'</script> The council said <img src=x onerror=\"window.__xss = 'img'\"> "
        "two people were wounded in the strike."
    ),
}
