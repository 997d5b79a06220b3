import { render } from 'preact';

function Popup() {
  return <main>GWS CTI Overlay</main>;
}

render(<Popup />, document.getElementById('app')!);
