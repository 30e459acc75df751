"""Loops whose own body changes what their condition reads: bounded, not findings."""
import asyncio

count = 0


async def bounded(queue, items, device):
    n = 0
    while n < 10:
        n += 1
    while queue:
        queue.pop()
    while items:
        del items[0]
    while device.busy:
        device.step()
    while (left := len(items)) > 0:
        items.clear()
    while count < 3:
        bump()
    while (n := n - 1) > 0:
        pass
    while False:
        pass


def bump():
    global count
    count += 1
