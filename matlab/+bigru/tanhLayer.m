function layer = tanhLayer(varargin)
%TANHLAYER  A hyperbolic tangent after a hidden fullyConnectedLayer.
%   layer = bigru.tanhLayer()
%   layer = bigru.tanhLayer('Name', name)
try
  layer = bigru.internal.arguments('tanhLayer', varargin);
catch err
  bigru.internal.raise(err);
end
end
