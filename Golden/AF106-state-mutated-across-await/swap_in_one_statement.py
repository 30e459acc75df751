# One statement writing the same state twice is one finding (redis's sentinel discovery).
class Discovery:
    async def discover_master(self, service_name):
        for sentinel_no, sentinel in enumerate(self.sentinels):
            masters = await sentinel.sentinel_masters()
            if masters.get(service_name):
                self.sentinels[0], self.sentinels[sentinel_no] = sentinel, self.sentinels[0]
                return masters[service_name]
