import type { RoutePlan } from './logistics-types';

/** A one-route plan as the API answers it, for the export tests (made-up amounts). */
export const PLAN_FIXTURE: RoutePlan = {
  distanceMethod: { kind: 'straight-line-estimate', detourFactor: 1.3, speedKmh: 50 },
  feasible: true,
  violations: [],
  violationReasons: [],
  depots: [{ name: 'Miskolci raktár', settlementCode: null, lon: 20.6994, lat: 48.09281 }],
  routes: [
    {
      vehicle: 'Kisbusz 1',
      vehicleType: 0,
      capacity: 40,
      depot: { name: 'Miskolci raktár', settlementCode: null, lon: 20.6994, lat: 48.09281 },
      endDepot: { name: 'Miskolci raktár', settlementCode: null, lon: 20.6994, lat: 48.09281 },
      departure: '08:00',
      departureMinutes: 480,
      return: '10:10',
      returnMinutes: 610,
      loadAtDeparture: 9,
      maxLoad: 9,
      visits: [
        {
          stop: 0,
          place: { name: 'Sajószentpéter', settlementCode: '16054', lon: 20.7108, lat: 48.2184 },
          arrival: '08:20', arrivalMinutes: 500, start: '08:20', startMinutes: 500, waitMinutes: 0, departure: '08:30', departureMinutes: 510,
          delivery: 4, pickup: 0, loadAfter: 5, distanceKm: 18.25, window: null,
        },
        {
          stop: 1,
          place: { name: 'Családsegítő "Remény"; Kazincbarcika', settlementCode: '06691', lon: 20.6236, lat: 48.2509 },
          arrival: '08:50', arrivalMinutes: 530, start: '09:00', startMinutes: 540, waitMinutes: 10, departure: '09:10', departureMinutes: 550,
          delivery: 5, pickup: 3, loadAfter: 3, distanceKm: 8.5, window: { from: '09:00', to: '12:00' },
        },
      ],
      distanceKm: 46.75,
      durationMinutes: 130,
      cost: 7012.5,
      path: [[20.6994, 48.09281], [20.7108, 48.2184], [20.7108, 48.2184], [20.6236, 48.2509], [20.6236, 48.2509], [20.6994, 48.09281]],
      pathMinutes: [480, 500, 510, 530, 550, 610],
    },
  ],
  totals: { routes: 1, stops: 2, distanceKm: 46.75, durationMinutes: 130, cost: 7012.5, delivery: 9, pickup: 3 },
  unservable: [],
  unroutable: [],
  solver: { seed: 1, timeLimitSeconds: 10, seconds: 0.4, iterations: 5000 },
};
