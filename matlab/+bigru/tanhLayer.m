function layer = tanhLayer(varargin)
%TANHLAYER  A hyperbolic tangent after a hidden fullyConnectedLayer.
%   layer = bigru.tanhLayer()
%   layer = bigru.tanhLayer('Name', name)
layer = bigru.internal.arguments('tanhLayer', varargin);
end
