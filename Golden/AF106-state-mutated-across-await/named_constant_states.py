import enum

IDLE = "idle"


class State(enum.Enum):
    CONNECTING = 0
    CONNECTED = 1


# starlette's shape: a state machine storing enum members under a test made before the
# await. Like a literal flag, a named constant written does not depend on the stale read.
class WebSocket:
    async def accept(self):
        if self.client_state == State.CONNECTING:
            await self.send_handshake()
            self.client_state = State.CONNECTED

    async def reset(self):
        if self.mode != IDLE:
            await self.flush()
            self.mode = IDLE

    # A computed state still depends on the read: reported.
    async def advance(self):
        if self.client_state == State.CONNECTING:
            await self.send_handshake()
            self.client_state = self.next_state(self.client_state)

    async def send_handshake(self):
        pass

    async def flush(self):
        pass

    def next_state(self, state):
        return State.CONNECTED
