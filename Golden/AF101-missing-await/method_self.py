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
        cls.probe()
        return cls()

    async def close(self):
        self.connect()
        self.flush()  # inherited from Base
        self.reset()  # a sync method: not a finding
        Client.probe()
        Base.flush(self)


class Unknown(SomeImportedBase):
    async def run(self):
        self.flush()  # could come from the unknown base: not a finding
