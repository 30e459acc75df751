# Publishing readings to a collector over TCP, after joining Wi-Fi.
import network
import socket
import uasyncio as asyncio
import urequests

SERVER = "192.0.2.10"
PORT = 8123


async def connect_wifi(ssid, password):
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    wlan.connect(ssid, password)
    while not wlan.isconnected():
        await asyncio.sleep_ms(200)
    return wlan


async def send_readings(readings):
    address = socket.getaddrinfo(SERVER, PORT)[0][-1]  # AF109: DNS lookup blocks the loop
    reader, writer = await asyncio.open_connection(SERVER, PORT)
    for count, value in readings:
        writer.write(b"%d %.2f\n" % (count, value))
        writer.drain()  # AF101: the write buffer is never flushed
    writer.close()
    await writer.wait_closed()
    return address


async def fetch_config():
    response = urequests.get("http://%s:%d/config" % (SERVER, PORT))  # AF109: blocking HTTP request
    return response.json()


async def reconnect_forever(ssid, password):
    asyncio.run(connect_wifi(ssid, password))  # AF108: asyncio.run inside a running loop
