class Base:
    async def flush(self):
        pass

    def reset(self):
        pass


class Client(Base):
    async def connect(self):
        pass

    @staticmethod
    async def probe():
        pass

    @classmethod
    async def create(cls):
        await cls.probe()
        return cls()

    async def close(self):
        await self.connect()
        await self.flush()  # inherited from Base
        self.reset()  # a sync method: not a finding
        await Client.probe()
        await Base.flush(self)


class Unknown(SomeImportedBase):
    async def run(self):
        self.flush()  # could come from the unknown base: not a finding
