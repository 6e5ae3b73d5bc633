import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { isCollision, viewerActivity } from './Collision';

describe('collision detection', () => {
  it('names what a viewer does: a note draft, a reply draft, or only viewing', () => {
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: true, composing: 'note' })).toBe('sc.viewer.note');
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: false, composing: 'reply' })).toBe('sc.viewer.replying');
    expect(viewerActivity({ userId: 'u', name: 'Sara', typing: false, composing: null })).toBe('sc.viewer.viewing');
  });

  it("tells the server's collision refusal from other conflicts", () => {
    const collided = new ApiError(409, 'Ali replied', { errors: [{ field: 'lastSeenSeq', message: 'Ali replied' }] });
    expect(isCollision(collided)).toBe(true);
    expect(isCollision(new ApiError(409, 'the ticket is closed', {}))).toBe(false);
    expect(isCollision(new ApiError(400, 'bad', { errors: [{ field: 'lastSeenSeq', message: 'bad' }] }))).toBe(false);
    expect(isCollision(new Error('network'))).toBe(false);
  });
});
