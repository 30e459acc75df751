"""A `for` loop whose blocking calls are in a nested loop that gets its own yield: one yield,
the inner loop's, runs in every pass of both. A nested loop without a yield of its own (a
bounded `while`) runs as part of the outer pass, which needs the yield."""
import socket


async def receive(hosts):
    s = socket.socket()
    for h in hosts:
        while True:
            data = s.recv(10)
            if not data:
                break


async def send_three(chunks):
    s = socket.socket()
    for chunk in chunks:
        n = 0
        while n < 3:
            s.send(chunk)
            n += 1
