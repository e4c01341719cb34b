"""A small text adventure driven by a state machine."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, asdict, replace, fields
from typing import ClassVar


class Direction(enum.Enum):
    NORTH = "n"
    SOUTH = "s"
    EAST = "e"
    WEST = "w"

    @property
    def opposite(self) -> "Direction":
        return {Direction.NORTH: Direction.SOUTH, Direction.SOUTH: Direction.NORTH,
                Direction.EAST: Direction.WEST, Direction.WEST: Direction.EAST}[self]


class State(enum.IntEnum):
    EXPLORING = 1
    FIGHTING = 2
    DEAD = 3
    WON = 4


class Flag(enum.Flag):
    NONE = 0
    LIT = enum.auto()
    LOCKED = enum.auto()
    TRAPPED = enum.auto()


@dataclass(order=True)
class Item:
    weight: int
    name: str = field(compare=False)
    value: int = field(default=0, compare=False)

    def __str__(self):
        return f"{self.name} ({self.weight}kg, {self.value}g)"


@dataclass
class Room:
    name: str
    description: str
    flags: Flag = Flag.NONE
    items: list[Item] = field(default_factory=list)
    exits: dict[Direction, str] = field(default_factory=dict)
    monster: str | None = None


@dataclass
class Player:
    MAX_WEIGHT: ClassVar[int] = 10
    name: str
    hp: int = 10
    location: str = "hall"
    inventory: list[Item] = field(default_factory=list)

    @property
    def load(self) -> int:
        return sum(i.weight for i in self.inventory)


class GameError(Exception):
    pass


@dataclass(frozen=True)
class Command:
    verb: str
    arg: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Command":
        parts = text.strip().lower().split(maxsplit=1)
        if not parts:
            raise GameError("empty command")
        return cls(parts[0], parts[1] if len(parts) > 1 else None)


class Game:
    def __init__(self, player: Player):
        self.player = player
        self.state = State.EXPLORING
        self.rooms: dict[str, Room] = {}
        self.log: list[str] = []
        self.turn = 0
        self._build()

    def _build(self):
        def add(room):
            self.rooms[room.name] = room
        add(Room("hall", "A dusty hall.", Flag.LIT,
                 [Item(2, "lamp", 5), Item(1, "key", 1)],
                 {Direction.NORTH: "library", Direction.EAST: "kitchen"}))
        add(Room("library", "Shelves of rotting books.", Flag.NONE,
                 [Item(3, "tome", 40)], {Direction.SOUTH: "hall"}))
        add(Room("kitchen", "Smells of old stew.", Flag.LIT | Flag.TRAPPED,
                 [Item(6, "anvil", 2), Item(1, "knife", 8)],
                 {Direction.WEST: "hall", Direction.NORTH: "vault"}, monster="rat"))
        add(Room("vault", "Gold glitters.", Flag.LOCKED,
                 [Item(4, "gold", 100)], {Direction.SOUTH: "kitchen"}))

    @property
    def room(self) -> Room:
        return self.rooms[self.player.location]

    def say(self, msg: str):
        self.log.append(msg)
        print(f"[{self.turn:02d}] {msg}")

    def do(self, text: str):
        self.turn += 1
        try:
            cmd = Command.parse(text)
            handler = getattr(self, f"cmd_{cmd.verb}", None)
            if handler is None:
                raise GameError(f"unknown verb {cmd.verb!r}")
            if self.state is State.FIGHTING and cmd.verb not in ("attack", "flee"):
                raise GameError("you are fighting!")
            if self.state in (State.DEAD, State.WON):
                raise GameError(f"game over ({self.state.name.lower()})")
            handler(cmd.arg)
        except GameError as e:
            self.say(f"error: {e}")

    def cmd_look(self, arg):
        r = self.room
        lit = "lit" if Flag.LIT in r.flags else "dark"
        items = ", ".join(str(i) for i in sorted(r.items)) or "nothing"
        exits = " ".join(sorted(d.value for d in r.exits))
        self.say(f"{r.name} [{lit}] {r.description} Items: {items}. Exits: {exits}")

    def cmd_go(self, arg):
        try:
            d = Direction(arg[0] if arg else "")
        except ValueError as e:
            raise GameError(str(e)) from None
        target = self.room.exits.get(d)
        if target is None:
            raise GameError(f"no exit {d.name}")
        dest = self.rooms[target]
        if Flag.LOCKED in dest.flags:
            if any(i.name == "key" for i in self.player.inventory):
                dest.flags &= ~Flag.LOCKED
                self.say(f"unlocked {dest.name}")
            else:
                raise GameError(f"{dest.name} is locked")
        self.player.location = target
        self.say(f"you go {d.name.lower()} to the {target}")
        if dest.monster:
            self.state = State.FIGHTING
            self.say(f"a {dest.monster} attacks!")
        if Flag.TRAPPED in dest.flags:
            self.player.hp -= 3
            dest.flags ^= Flag.TRAPPED
            self.say(f"a trap! hp={self.player.hp}")

    def cmd_take(self, arg):
        for item in self.room.items:
            if item.name == arg:
                if self.player.load + item.weight > Player.MAX_WEIGHT:
                    raise GameError(f"{item.name} is too heavy (load {self.player.load})")
                self.room.items.remove(item)
                self.player.inventory.append(item)
                self.say(f"taken: {item}")
                if item.name == "gold":
                    self.state = State.WON
                    self.say("you win!")
                return
        raise GameError(f"no {arg} here")

    def cmd_drop(self, arg):
        for item in self.player.inventory:
            if item.name == arg:
                self.player.inventory.remove(item)
                self.room.items.append(item)
                self.say(f"dropped {item.name}")
                return
        raise GameError(f"you have no {arg}")

    def cmd_attack(self, arg):
        weapon = max((i for i in self.player.inventory), key=lambda i: i.value, default=None)
        dmg = weapon.value if weapon else 1
        self.say(f"you hit the {self.room.monster} with {weapon.name if weapon else 'fists'} for {dmg}")
        if dmg >= 5:
            self.say(f"the {self.room.monster} dies")
            self.room.monster = None
            self.state = State.EXPLORING
        else:
            self.player.hp -= 4
            self.say(f"the {self.room.monster} bites: hp={self.player.hp}")
            if self.player.hp <= 0:
                self.state = State.DEAD

    def cmd_inventory(self, arg):
        inv = sorted(self.player.inventory, reverse=True)
        self.say("carrying: " + ("; ".join(map(str, inv)) or "nothing") + f" load={self.player.load}")


g = Game(Player("Ada"))
script = ["look", "take lamp", "take key", "go north", "look", "take tome", "go s",
          "go east", "inventory", "attack", "look", "take anvil", "drop tome",
          "take anvil", "drop anvil", "go north", "dance", "", "take gold", "look"]
for line in script:
    g.do(line)
print(g.state, repr(g.state), State(4) == 4, State.WON > State.DEAD)
print(asdict(g.player))
print(replace(g.player, hp=99).hp, [f.name for f in fields(Player)])
print(Flag.LIT | Flag.TRAPPED, repr(Flag.LIT | Flag.LOCKED), list(Flag), Flag(0))
print(Direction("n").opposite, Direction.__members__.keys())
print(sorted(g.rooms["vault"].items), g.rooms["vault"].flags)
print(Command.parse("Go North"), Command("x") == Command("x"), hash(Command("x")) == hash(Command("x")))
try:
    Command("x").verb = "y"
except Exception as e:
    print(type(e).__name__, e)
print(len(g.log), g.turn)
