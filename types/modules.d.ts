declare module 'cometd-nodejs-server';
declare module 'cometd-nodejs-client';
