import { Icon, type IconName } from './icons';
import { navigate, type Route } from './router';

const ITEMS: { screen: 'flows' | 'connections' | 'runs' | 'settings'; label: string; icon: IconName; active: Route['screen'][] }[] = [
  { screen: 'flows', label: 'Flows', icon: 'flows', active: ['flows', 'editor'] },
  { screen: 'connections', label: 'Connections', icon: 'key', active: ['connections'] },
  { screen: 'runs', label: 'Runs', icon: 'runs', active: ['runs', 'run'] },
  { screen: 'settings', label: 'Settings', icon: 'settings', active: ['settings'] },
];

/** The left rail: the app's top-level screens. */
export function Rail({ route }: { route: Route }) {
  return (
    <nav className="rail" aria-label="Main">
      <div className="rail-logo" aria-hidden="true">J</div>
      {ITEMS.map((item) => {
        const isActive = item.active.includes(route.screen);
        return (
          <button key={item.screen} type="button" className="rail-item" data-testid={`rail-${item.screen}`}
            aria-current={isActive ? 'page' : undefined} onClick={() => navigate({ screen: item.screen })}>
            <Icon name={item.icon} />
            <span>{item.label}</span>
          </button>
        );
      })}
    </nav>
  );
}
