"""CPython: connecting, resolving and HTTP sessions wait for the network with the loop stopped."""
import asyncio
import socket

import requests


async def connect(host):
    s = socket.create_connection((host, 80))
    await asyncio.sleep(0)
    return s, socket.gethostbyname(host)


async def poll_api(url):
    session = requests.Session()
    while True:
        session.get(url)
        await asyncio.sleep(10)


async def post_once(url, data):
    with requests.Session() as session:
        session.post(url, data=data)
    requests.Session().close()
    await asyncio.sleep(0)
