import { trackingEventBound } from '../tracking-event.input';

const scan = {
  carrier: 'sf',
  trackingNumber: 'SF1234567890',
  status: 'IN_TRANSIT',
  at: new Date(),
  location: '杭州转运中心',
  description: 'Departed\nfacility',
};

describe('trackingEventBound', () => {
  it('passes a real scan, line breaks in the description included', () => {
    expect(trackingEventBound.check(scan, 'input')).toEqual([]);
  });

  it('lists every field past its bound, named as in the input', () => {
    const problems = trackingEventBound.check(
      {
        ...scan,
        carrier: 'c'.repeat(33),
        trackingNumber: 'SF\u0000',
        location: 'Hang\nzhou',
        description: 'd'.repeat(1_001),
      },
      'input',
    );
    expect(problems).toEqual([
      { field: 'carrier', message: 'at most 32 characters, got 33' },
      { field: 'trackingNumber', message: 'contains the control character U+0000 at 2' },
      { field: 'location', message: 'contains the control character U+000A at 4' },
      { field: 'description', message: 'at most 1000 characters, got 1001' },
    ]);
  });
});
