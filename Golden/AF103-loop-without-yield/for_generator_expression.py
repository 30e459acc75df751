"""Generator expressions and lambdas made in a `for` loop do not run there, unless the body
consumes them (a call, a nested `for`) or the call is the generator's first iterable."""
import requests


async def prepare(urls):
    for v in urls:
        x = (requests.get(w) for w in v)
        callbacks = [lambda: requests.get(u) for u in v]


async def fetch_all(urls):
    for v in urls:
        pages = list(requests.get(w) for w in v)
    for v in urls:
        sizes = (len(line) for line in requests.get(v).iter_lines())
