"""A `for` loop whose body makes blocking calls and never awaits holds the loop for every pass."""
import socket

import sensor


async def burst(count, sock):
    for i in range(count):
        img = sensor.snapshot()
        if i % 2:
            continue
        img.save("/sd/%d.jpg" % i)


async def send_all(chunks):
    s = socket.socket()
    for chunk in chunks: s.send(chunk)
    for row in chunks:
        for cell in row:
            s.send(cell)
