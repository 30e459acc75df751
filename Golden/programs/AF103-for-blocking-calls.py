"""AF103 on the real interpreter: a `for` loop of blocking calls starves the task that prints.

Runs well under a second under the MicroPython unix port and stops by itself. Unfixed, `resolve`
looks up each address with the blocking `socket.getaddrinfo` (AF109; instant for `localhost`,
which the hosts file answers: the point is that the loop never awaits), so `ticker` never gets
to run before `main` ends: the output is only "done". Fixed (`await asyncio.sleep_ms(0)` at the
start of the loop body), `ticker` runs and prints "tick".
"""
import asyncio
import socket


async def ticker():
    while True:
        print("tick")
        await asyncio.sleep_ms(50)


async def resolve(count):
    addresses = []
    for i in range(count):
        addresses.append(socket.getaddrinfo("localhost", 8000 + i)[0][-1])
    return addresses


async def main():
    asyncio.create_task(ticker())
    addresses = await resolve(200)
    print(len(addresses), "done")


asyncio.run(main())
