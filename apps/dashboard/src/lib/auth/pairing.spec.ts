import { describe, expect, it } from 'vitest';
import { pairingLink, roomPath, stationFromRoomPath, tokenFromHash } from './pairing';

describe('tokenFromHash', () => {
  it('reads the token after #', () => {
    expect(tokenFromHash('#sqc_d_abc123')).toBe('sqc_d_abc123');
    expect(tokenFromHash('sqc_d_abc123')).toBe('sqc_d_abc123');
    expect(tokenFromHash('#%20sqc_d_abc%5F1 ')).toBe('sqc_d_abc_1');
  });

  it('is empty when there is no token', () => {
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#')).toBe('');
  });

  it('survives a stray % that is not an escape', () => {
    expect(tokenFromHash('#sqc_d_%zz')).toBe('sqc_d_%zz');
  });
});

describe('pairingLink and roomPath', () => {
  it('builds the link and the room page', () => {
    expect(pairingLink('http://spineqc.local:3000', 'sqc_d_x')).toBe(
      'http://spineqc.local:3000/pair#sqc_d_x',
    );
    expect(pairingLink('https://qc.example/', 'sqc_d_x')).toBe('https://qc.example/pair#sqc_d_x');
    expect(roomPath('DR ROOM/1')).toBe('/rooms/DR%20ROOM%2F1');
  });
});

describe('stationFromRoomPath', () => {
  it('reads the station of a room page, encoded or not', () => {
    expect(stationFromRoomPath('/rooms/DR-ROOM-1')).toBe('DR-ROOM-1');
    expect(stationFromRoomPath('/rooms/DR%20ROOM%2F1')).toBe('DR ROOM/1');
    expect(stationFromRoomPath('/rooms/DR ROOM')).toBe('DR ROOM');
    expect(stationFromRoomPath(roomPath('DR ROOM/1'))).toBe('DR ROOM/1');
  });

  it('is null for other pages', () => {
    expect(stationFromRoomPath('/rooms/')).toBeNull();
    expect(stationFromRoomPath('/qa')).toBeNull();
    expect(stationFromRoomPath('/rooms/a/b')).toBeNull();
  });
});
