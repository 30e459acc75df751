# A value read late in one iteration is written after the next iteration's await.
class Meter:
    async def run(self, sensor):
        total = 0
        while True:
            self.total = total + 1
            total = self.total
            await sensor.sample()


readings = []


async def collect(sensor):
    last = None
    for _ in range(10):
        if last is not None:
            readings.append(last)
        last = readings[-1] if readings else 0
        await sensor.sample()
